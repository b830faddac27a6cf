namespace LoadBalancer.Configuration;

public enum ConfigSeverity
{
    Error,
    Warning,
}
