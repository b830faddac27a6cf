namespace LoadBalancer.Configuration.Validation;

/// <summary>ALB's rule for a header alias: 1-40 characters, lowercase letters, digits, '-' and '_'.</summary>
internal static class HeaderAliasRule
{
    public const int MaxLength = 40;

    public const string Description = "an alias is 1-40 characters of lowercase letters, digits, '-' and '_'";

    public static bool IsValid(string alias) =>
        alias.Length is >= 1 and <= MaxLength && alias.All(IsAllowed);

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
