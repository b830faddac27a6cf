namespace LoadBalancer.Configuration.Validation;

/// <summary>XForwardedForConfig only on HTTP and HTTPS listeners (NLB listeners get the product-field error instead).</summary>
internal sealed class XForwardedForValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsAlb && !s.IsHttp && !s.IsHttps))
        {
            if (scope.Listener.XForwardedForConfig is not null)
            {
                context.Add(scope.Resource, "XForwardedForConfig",
                    "XForwardedForConfig applies to HTTP and HTTPS listeners only: remove it");
            }
        }
    }
}
