namespace LoadBalancer.Configuration.Validation;

/// <summary>One concern of validation; adds every problem it finds to the context.</summary>
internal interface IConfigValidator
{
    void Validate(ValidationContext context);
}
