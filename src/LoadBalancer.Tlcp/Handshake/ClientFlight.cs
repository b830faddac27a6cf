using LoadBalancer.Tlcp.Certificates;
using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Tlcp.Handshake;

/// <summary>
/// The client's second flight as the server takes it: [Certificate], ClientKeyExchange, [CertificateVerify],
/// ChangeCipherSpec, Finished. Returns the master secret once the client's Finished has verified.
/// </summary>
internal static class ClientFlight
{
    public static async Task<byte[]> ReceiveAsync(
        HandshakeChannel channel, HandshakeContext context, IServerKeyExchange keyExchange, ClientAuthentication? clientAuthentication, CancellationToken cancellationToken)
    {
        if (clientAuthentication is not null)
        {
            var certificate = await channel.ExpectAsync(HandshakeType.Certificate, cancellationToken);
            var presented = CertificateListMessage.Parse(certificate.Body);
            context.Client = ClientCertificateVerifier.Verify(
                presented, clientAuthentication.NeedEncryption, clientAuthentication.Authorities, clientAuthentication.UtcNow);
        }

        var clientKeyExchange = await channel.ExpectAsync(HandshakeType.ClientKeyExchange, cancellationToken);
        var master = keyExchange.MasterSecret(context, clientKeyExchange.Body);
        if (context.Client is not null)
        {
            await ReceiveCertificateVerifyAsync(channel, context.Client, cancellationToken);
        }

        await channel.ExpectChangeCipherSpecAsync(cancellationToken);
        channel.Reader.ChangeProtection(KeySchedule.Protection(context.Suite, master, context.ClientRandom, context.ServerRandom, clientWrite: true));
        var expected = KeySchedule.Finished(master, client: true, channel.Transcript.Hash());
        var finished = await channel.ExpectAsync(HandshakeType.Finished, cancellationToken);
        if (finished.Body.Length != KeySchedule.FinishedLength || ConstantTime.Equal(finished.Body, expected) == 0)
        {
            throw new TlcpException(TlcpAlert.DecryptError, "the client's Finished does not verify (wrong premaster or a changed handshake)");
        }

        return master;
    }

    /// <summary>The server's ChangeCipherSpec and Finished, after which the handshake is complete.</summary>
    public static async Task SendServerFinishedAsync(HandshakeChannel channel, HandshakeContext context, byte[] master, CancellationToken cancellationToken)
    {
        channel.SendChangeCipherSpec();
        channel.Writer.ChangeProtection(KeySchedule.Protection(context.Suite, master, context.ClientRandom, context.ServerRandom, clientWrite: false));
        var verifyData = KeySchedule.Finished(master, client: false, channel.Transcript.Hash());
        channel.Send(ServerFlight.Message(HandshakeType.Finished, verifyData));
        await channel.FlushAsync(cancellationToken);
    }

    private static async Task ReceiveCertificateVerifyAsync(HandshakeChannel channel, ClientCertificates client, CancellationToken cancellationToken)
    {
        var signed = channel.Transcript.Messages.ToArray();
        var verify = await channel.ExpectAsync(HandshakeType.CertificateVerify, cancellationToken);
        if (!CertificateVerifyMessage.Verify(client.SignKey, verify.Body, signed))
        {
            throw new TlcpException(TlcpAlert.DecryptError, "the client's CertificateVerify signature does not verify");
        }
    }
}
