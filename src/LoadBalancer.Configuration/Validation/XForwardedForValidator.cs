namespace LoadBalancer.Configuration.Validation;

/// <summary>XForwardedForConfig only on HTTP, HTTPS and QUIC listeners (NLB listeners get the product-field error instead).</summary>
internal sealed class XForwardedForValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsAlb && !s.IsHttp && !s.IsHttps && !s.IsQuic))
        {
            if (scope.Listener.XForwardedForConfig is not null)
            {
                context.Add(scope.Resource, "XForwardedForConfig",
                    "XForwardedForConfig applies to HTTP, HTTPS and QUIC listeners only: remove it");
            }
        }
    }
}
