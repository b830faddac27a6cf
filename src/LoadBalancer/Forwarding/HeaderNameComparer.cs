namespace LoadBalancer.Forwarding;

/// <summary>
/// Header names compared as CGI-style backends see them: case-insensitive, with '_' and '-' the same character
/// (<c>X_Forwarded_For</c> reaches a PHP or WSGI backend as HTTP_X_FORWARDED_FOR, like X-Forwarded-For).
/// </summary>
internal sealed class HeaderNameComparer : IEqualityComparer<string>
{
    public static HeaderNameComparer Instance { get; } = new();

    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null || x.Length != y.Length)
        {
            return ReferenceEquals(x, y);
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (Fold(x[i]) != Fold(y[i]))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var c in obj)
        {
            hash.Add(Fold(c));
        }

        return hash.ToHashCode();
    }

    private static char Fold(char c) => c == '_' ? '-' : char.ToLowerInvariant(c);
}
