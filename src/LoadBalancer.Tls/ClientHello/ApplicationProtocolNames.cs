using System.Text;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>Turns ALPN protocol ids into strings, without allocating for the common ones.</summary>
internal static class ApplicationProtocolNames
{
    public static string ToName(ReadOnlySpan<byte> id)
    {
        if (id.SequenceEqual("h2"u8))
        {
            return "h2";
        }

        if (id.SequenceEqual("http/1.1"u8))
        {
            return "http/1.1";
        }

        if (id.SequenceEqual("http/1.0"u8))
        {
            return "http/1.0";
        }

        return id.SequenceEqual("h3"u8) ? "h3" : Encoding.Latin1.GetString(id);
    }
}
