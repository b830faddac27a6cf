namespace LoadBalancer.Forwarding;

/// <summary>
/// ALB's rule wildcards: <c>*</c> matches any run of characters (also none), <c>?</c> exactly one. Compiled once;
/// matching is linear with a single backtrack point, no regular expressions.
/// </summary>
internal sealed class WildcardPattern(string pattern, StringComparison comparison)
{
    public string Pattern { get; } = pattern;

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var p = Pattern.AsSpan();
        int ti = 0, pi = 0, starP = -1, starT = 0;
        while (ti < text.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                starP = pi++;
                starT = ti;
            }
            else if (pi < p.Length && (p[pi] == '?' || CharEquals(p[pi], text[ti])))
            {
                ti++;
                pi++;
            }
            else if (starP >= 0)
            {
                pi = starP + 1;
                ti = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }

    private bool CharEquals(char a, char b) =>
        a == b || (comparison == StringComparison.OrdinalIgnoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
