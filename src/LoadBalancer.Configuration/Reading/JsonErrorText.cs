namespace LoadBalancer.Configuration.Reading;

/// <summary>Strips System.Text.Json's own "Path: … | LineNumber: …" suffix; our errors say where themselves.</summary>
internal static class JsonErrorText
{
    public static string Clean(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd(' ', '.');
    }
}
