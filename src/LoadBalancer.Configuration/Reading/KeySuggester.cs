namespace LoadBalancer.Configuration.Reading;

/// <summary>Finds the known key a misspelt one most likely meant: a case-insensitive match, else a close edit distance.</summary>
internal static class KeySuggester
{
    public static string? Suggest(string key, IEnumerable<string> knownKeys)
    {
        var known = knownKeys.ToList();
        var sameLetters = known.Find(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        if (sameLetters is not null)
        {
            return sameLetters;
        }

        var limit = Math.Max(2, key.Length / 4);
        return known
            .Select(k => (Key: k, Distance: EditDistance(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .Select(c => c.Key)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
