using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>Runs the server handshake on scripted client bytes; returns what it threw and what it wrote.</summary>
internal static class ScriptedServer
{
    public static async Task<(Exception? Error, byte[] Output)> RunAsync(byte[] clientBytes, TlcpServerOptions options)
    {
        var stream = new ScriptedStream(clientBytes);
        var server = new TlcpServerStream(stream, leaveInnerStreamOpen: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await server.AuthenticateAsServerAsync(options, timeout.Token);
            return (null, stream.Output.ToArray());
        }
        catch (Exception e)
        {
            return (e, stream.Output.ToArray());
        }
    }

    /// <summary>Asserts a refusal: a <see cref="TlcpException"/> and, unless the client sent a fatal alert, that alert as the last record written.</summary>
    public static TlcpException AssertRefused(Exception? error, byte[] output, TlcpAlert? expected = null)
    {
        var refusal = Assert.IsType<TlcpException>(error);
        if (expected is { } alert)
        {
            Assert.Equal(alert, refusal.Alert);
        }

        if (!refusal.SentByPeer)
        {
            Assert.True(output.Length >= 7, $"no alert written ({refusal.Message})");
            Assert.Equal(new byte[] { 0x15, 0x01, 0x01, 0x00, 0x02, 0x02, (byte)refusal.Alert }, output[^7..]);
        }

        return refusal;
    }
}
