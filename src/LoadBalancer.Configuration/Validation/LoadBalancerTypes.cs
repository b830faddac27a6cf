namespace LoadBalancer.Configuration.Validation;

/// <summary>The instance types and ALB editions of the product.</summary>
internal static class LoadBalancerTypes
{
    public const string Alb = "ALB";
    public const string Nlb = "NLB";
    public const string Basic = "Basic";
    public const string Standard = "Standard";
    public const string StandardWithWaf = "StandardWithWaf";

    public static readonly string[] Editions = [Basic, Standard, StandardWithWaf];
}
