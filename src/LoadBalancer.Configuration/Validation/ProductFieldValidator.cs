namespace LoadBalancer.Configuration.Validation;

/// <summary>ALB listeners use the ALB field names and NLB listeners the NLB ones; each wrong field names the right one.</summary>
internal sealed class ProductFieldValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners)
        {
            if (scope.IsAlb)
            {
                Check(context, scope, ProductField.NlbOnly, "an NLB field; on an ALB listener");
            }
            else if (scope.IsNlb)
            {
                Check(context, scope, ProductField.AlbOnly, "an ALB field; on an NLB listener");
            }
        }
    }

    private static void Check(ValidationContext context, ListenerScope scope, IReadOnlyList<ProductField> fields, string what)
    {
        foreach (var field in fields.Where(f => f.IsSet(scope.Listener)))
        {
            context.Add(scope.Resource, field.Name, $"{field.Name} is {what} {field.Instead}");
        }
    }
}
