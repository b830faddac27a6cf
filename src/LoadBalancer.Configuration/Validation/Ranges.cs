namespace LoadBalancer.Configuration.Validation;

/// <summary>The one range check every numeric field uses, with the fix in its message.</summary>
internal static class Ranges
{
    public static bool Check(ValidationContext context, string resource, string field, int? value, int min, int max, string unit = "")
    {
        if (value is null || (value >= min && value <= max))
        {
            return true;
        }

        context.Add(resource, field, $"{value} is out of range: {LastSegment(field)} must be {min}-{max}{unit}");
        return false;
    }

    private static string LastSegment(string field)
    {
        var dot = field.LastIndexOf('.');
        return dot < 0 ? field : field[(dot + 1)..];
    }
}
