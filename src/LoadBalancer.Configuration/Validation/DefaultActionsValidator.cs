namespace LoadBalancer.Configuration.Validation;

/// <summary>HTTP, HTTPS and QUIC listeners forward what no rule matches with their DefaultActions.</summary>
internal sealed class DefaultActionsValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsHttp || s.IsHttps || s.IsQuic))
        {
            ForwardActionsChecker.Check(context, scope, "DefaultActions", scope.Listener.DefaultActions);
        }
    }
}
