namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// At most 25 additional certificates per instance (NLB, Standard ALB), 10 per Basic ALB instance, defaults not
/// counted, unless <c>Quotas.AdditionalCertificatesPerLoadBalancer</c> raises the quota.
/// </summary>
internal sealed class AdditionalCertificateLimitValidator : IConfigValidator
{
    private const int MaxQuota = 100_000;

    public void Validate(ValidationContext context)
    {
        var raised = context.Config.Quotas?.AdditionalCertificatesPerLoadBalancer;
        if (raised is < 1 or > MaxQuota)
        {
            context.Add("Quotas", "AdditionalCertificatesPerLoadBalancer", $"{raised} is out of range: give 1-{MaxQuota}, or leave it out for the product's quota (25, or 10 on a Basic ALB)");
            return;
        }

        foreach (var instance in context.Listeners.GroupBy(s => s.InstanceResource))
        {
            var first = instance.First();
            var limit = raised ?? (first.IsBasicEdition ? 10 : 25);
            var count = instance.Sum(s => (s.Listener.AdditionalCertificates?.Count ?? 0) + (s.Listener.AdditionalCertificateIds?.Count ?? 0));
            if (count > limit)
            {
                var field = first.IsNlb ? "Listeners[].AdditionalCertificateIds" : "Listeners[].AdditionalCertificates";
                context.Add(instance.Key, field,
                    $"{count} additional certificates over the instance's listeners exceed the limit of {limit} for this instance type and edition: remove some, move listeners to another instance, or raise Quotas.AdditionalCertificatesPerLoadBalancer");
            }
        }
    }
}
