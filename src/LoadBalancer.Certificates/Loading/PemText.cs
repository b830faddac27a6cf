using System.Security.Cryptography;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Reads a PEM file and splits it into its blocks, reporting what a user can fix.</summary>
internal static class PemText
{
    public static string? ReadFile(string path, string field, EntryErrors errors) => Read(path, field, errors, File.ReadAllText);

    /// <summary>Reads a file named by an entry, reporting a missing or unreadable file against <paramref name="field"/>.</summary>
    public static T? Read<T>(string path, string field, EntryErrors errors, Func<string, T> read)
        where T : class
    {
        try
        {
            return read(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            errors.Error(field, $"file '{path}' was not found; check the path (a relative path resolves against the listener file's folder)");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            errors.Error(field, $"file '{path}' could not be read ({ex.Message}); check that it is a file the load balancer may read");
        }

        return null;
    }

    /// <summary>The well-formed blocks in file order. A block whose base64 is damaged is not returned (see <see cref="CountBegins"/>).</summary>
    public static List<PemBlock> FindBlocks(string text)
    {
        var blocks = new List<PemBlock>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            var data = Convert.FromBase64String(rest[fields.Base64Data].ToString());
            blocks.Add(new PemBlock(label, data));
            rest = rest[fields.Location.End..];
        }

        return blocks;
    }

    public static int CountBegins(string text, string label)
    {
        var marker = Begin(label);
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public static string Begin(string label) => $"-----BEGIN {label}-----";
}
