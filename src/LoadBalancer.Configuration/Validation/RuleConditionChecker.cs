using System.Text.RegularExpressions;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>One rule condition: Host (host patterns) or Path (paths starting with '/'); other types are not served yet.</summary>
internal static partial class RuleConditionChecker
{
    public static void Check(ValidationContext context, ListenerScope scope, string field, RuleConditionConfig condition)
    {
        switch (condition.Type)
        {
            case "Host":
                CheckValues(context, scope, $"{field}.HostConfig", condition.HostConfig, IsHostPattern,
                    "is not a host pattern: use letters, digits, '-', '.', '*' and '?' only");
                break;
            case "Path":
                CheckValues(context, scope, $"{field}.PathConfig", condition.PathConfig, v => v.StartsWith('/'),
                    "is not a path: start it with '/'");
                break;
            case null or "":
                context.Add(scope.Resource, $"{field}.Type", "Type is required: use Host or Path");
                break;
            default:
                context.Add(scope.Resource, $"{field}.Type", $"conditions of Type '{condition.Type}' are not served by this version yet: use Host or Path");
                break;
        }
    }

    private static void CheckValues(ValidationContext context, ListenerScope scope, string field, ValuesConfig? config, Func<string, bool> isValid, string problem)
    {
        var values = config?.Values ?? [];
        if (values.Count == 0)
        {
            context.Add(scope.Resource, $"{field}.Values", "Values must not be empty: give one or more values to match");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!isValid(values[i]))
            {
                context.Add(scope.Resource, $"{field}.Values[{i}]", $"'{values[i]}' {problem}");
            }
        }
    }

    private static bool IsHostPattern(string value) => HostPattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9.*?\-]+$")]
    private static partial Regex HostPattern();
}
