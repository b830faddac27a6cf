using System.IO.Pipelines;
using LoadBalancer.Tls.ClientHello;

namespace LoadBalancer.Listeners;

/// <summary>
/// Reads the ClientHello from a connection's input without consuming it: the TLS stack that runs next reads the
/// same bytes again.
/// </summary>
internal static class ClientHelloPeek
{
    public static async ValueTask<(ClientHelloStatus Status, ClientHelloInfo? Info, string? Error)> ReadAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var status = ClientHelloReader.TryRead(buffer, out var info, out var error);
            if (status == ClientHelloStatus.NeedMoreData && !result.IsCompleted && !result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            // Neither consumed nor examined: the next reader gets every byte at once.
            input.AdvanceTo(buffer.Start);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("reading the ClientHello was canceled");
            }

            return status == ClientHelloStatus.NeedMoreData
                ? (ClientHelloStatus.Malformed, null, $"the client closed the connection after {buffer.Length} bytes, before its ClientHello was complete")
                : (status, info, error);
        }
    }
}
