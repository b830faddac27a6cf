using LoadBalancer.Configuration;

namespace LoadBalancer.Tests.Configuration;

internal static class ErrorAssert
{
    public static void Has(IReadOnlyList<ConfigError> errors, string resource, string field, string messageFragment)
    {
        if (!errors.Any(e => e.Resource == resource && e.Field == field && e.Message.Contains(messageFragment, StringComparison.Ordinal)))
        {
            Assert.Fail($"expected an error [{resource}] [{field}] containing \"{messageFragment}\"; got:\n{List(errors)}");
        }
    }

    public static void None(IReadOnlyList<ConfigError> errors)
    {
        if (errors.Count > 0)
        {
            Assert.Fail($"expected no errors; got:\n{List(errors)}");
        }
    }

    public static string List(IReadOnlyList<ConfigError> errors) =>
        string.Join("\n", errors.Select(e => $"  [{e.Resource}] [{e.Field}] {e.Message}"));
}
