namespace LoadBalancer.Configuration.Validation;

/// <summary>Timeouts in seconds: ALB IdleTimeout 1-60 and RequestTimeout 1-180, NLB IdleTimeout 10-900.</summary>
internal sealed class ListenerTimeoutValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners)
        {
            if (scope.IsAlb)
            {
                Ranges.Check(context, scope.Resource, "IdleTimeout", scope.Listener.IdleTimeout, 1, 60, " seconds on an ALB listener");
                Ranges.Check(context, scope.Resource, "RequestTimeout", scope.Listener.RequestTimeout, 1, 180, " seconds on an ALB listener");
            }
            else if (scope.IsNlb)
            {
                Ranges.Check(context, scope.Resource, "IdleTimeout", scope.Listener.IdleTimeout, 10, 900, " seconds on an NLB listener");
            }
        }
    }
}
