namespace LoadBalancer.Configuration.Validation;

/// <summary>At most 25 additional certificates per instance (NLB, Standard ALB), 10 per Basic ALB instance, defaults not counted.</summary>
internal sealed class AdditionalCertificateLimitValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var instance in context.Listeners.GroupBy(s => s.InstanceResource))
        {
            var first = instance.First();
            var limit = first.IsBasicEdition ? 10 : 25;
            var count = instance.Sum(s => (s.Listener.AdditionalCertificates?.Count ?? 0) + (s.Listener.AdditionalCertificateIds?.Count ?? 0));
            if (count > limit)
            {
                var field = first.IsNlb ? "Listeners[].AdditionalCertificateIds" : "Listeners[].AdditionalCertificates";
                context.Add(instance.Key, field,
                    $"{count} additional certificates over the instance's listeners exceed the limit of {limit} for this instance type and edition: remove some, or move listeners to another instance");
            }
        }
    }
}
