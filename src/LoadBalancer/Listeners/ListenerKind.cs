namespace LoadBalancer.Listeners;

internal enum ListenerKind
{
    Http,
    Https,
}
