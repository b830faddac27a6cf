using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;
using LoadBalancer.Tlcp.Crypto;
using LoadBalancer.Tlcp.Handshake;
using LoadBalancer.Tlcp.Records;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>The client side of a full TLCP handshake, step by step.</summary>
internal sealed class ClientHandshake(HandshakeChannel channel, TlcpClientOptions options, SecureRandom random)
{
    private readonly byte[] _clientRandom = random.GenerateSeed(32);
    private byte[] _serverRandom = [];
    private TlcpCipherSuite _suite;
    private List<X509Certificate> _serverCertificates = [];
    private ECPublicKeyParameters? _serverEphemeral;
    private bool _certificateRequested;

    public async Task RunAsync(TlcpTestClient client, CancellationToken cancellationToken)
    {
        Send(HandshakeType.ClientHello, ClientHelloBody());
        await channel.FlushAsync(cancellationToken);
        await ReadServerFlightAsync(cancellationToken);

        var sendCertificates = _certificateRequested && options.SignCertificate is not null;
        if (_certificateRequested)
        {
            Send(HandshakeType.Certificate, CertificateBody());
        }

        var premaster = SendClientKeyExchange();
        if (sendCertificates)
        {
            Send(HandshakeType.CertificateVerify, CertificateVerifyBody());
        }

        var master = KeySchedule.MasterSecret(premaster, _clientRandom, _serverRandom);
        channel.SendChangeCipherSpec();
        channel.Writer.ChangeProtection(KeySchedule.Protection(_suite, master, _clientRandom, _serverRandom, clientWrite: true));
        Send(HandshakeType.Finished, KeySchedule.Finished(master, client: true, channel.Transcript.Hash()));
        await channel.FlushAsync(cancellationToken);

        await channel.ExpectChangeCipherSpecAsync(cancellationToken);
        channel.Reader.ChangeProtection(KeySchedule.Protection(_suite, master, _clientRandom, _serverRandom, clientWrite: false));
        var expected = KeySchedule.Finished(master, client: false, channel.Transcript.Hash());
        var finished = await channel.ExpectAsync(HandshakeType.Finished, cancellationToken);
        if (!finished.Body.SequenceEqual(expected))
        {
            throw new TlcpException(TlcpAlert.DecryptError, "server Finished does not verify");
        }

        client.Completed(_suite, _serverCertificates[0]);
    }

    private byte[] ClientHelloBody()
    {
        var writer = new WireWriter();
        writer.WriteUInt16(0x0101);
        writer.WriteBytes(_clientRandom);
        writer.WriteUInt8(0);
        var suites = writer.StartVector(2);
        foreach (var suite in options.CipherSuites)
        {
            writer.WriteUInt16((ushort)suite);
        }

        writer.EndVector(suites, 2);
        writer.WriteUInt8(1);
        writer.WriteUInt8(0);
        if (options.ServerName is { } name)
        {
            var extensions = writer.StartVector(2);
            writer.WriteUInt16(0);
            var data = writer.StartVector(2);
            var list = writer.StartVector(2);
            writer.WriteUInt8(0);
            var host = writer.StartVector(2);
            writer.WriteBytes(System.Text.Encoding.ASCII.GetBytes(name));
            writer.EndVector(host, 2);
            writer.EndVector(list, 2);
            writer.EndVector(data, 2);
            writer.EndVector(extensions, 2);
        }

        return writer.ToArray();
    }

    private async Task ReadServerFlightAsync(CancellationToken cancellationToken)
    {
        var hello = ServerHelloMessage.Parse((await channel.ExpectAsync(HandshakeType.ServerHello, cancellationToken)).Body);
        _serverRandom = hello.Random;
        _suite = hello.Suite;
        _serverCertificates = CertificateListMessage.Parse((await channel.ExpectAsync(HandshakeType.Certificate, cancellationToken)).Body);
        CheckServerCertificates();
        VerifyServerKeyExchange((await channel.ExpectAsync(HandshakeType.ServerKeyExchange, cancellationToken)).Body);
        var next = await channel.ReadMessageAsync(cancellationToken);
        if (next.Type == HandshakeType.CertificateRequest)
        {
            _certificateRequested = true;
            next = await channel.ReadMessageAsync(cancellationToken);
        }

        if (next.Type != HandshakeType.ServerHelloDone)
        {
            throw new TlcpException(TlcpAlert.UnexpectedMessage, $"{next.Type} where ServerHelloDone was expected");
        }
    }

    private void CheckServerCertificates()
    {
        if (_serverCertificates.Count < 2)
        {
            throw new TlcpException(TlcpAlert.BadCertificate, "server sent fewer than two certificates");
        }

        if (options.TrustedCa is { } ca && !_serverCertificates.Take(2).All(c => Sm2CertificateChecks.IsSignedBy(c, ca)))
        {
            throw new TlcpException(TlcpAlert.UnknownCa, "server certificates are not issued by the trusted CA");
        }
    }

    private void VerifyServerKeyExchange(ReadOnlySpan<byte> body)
    {
        var signKey = TlcpTestClient.PublicKey(_serverCertificates[0]);
        bool verified;
        if (TlcpCipherSuites.IsEcdhe(_suite))
        {
            var parameters = body[..69];
            _serverEphemeral = new ECPublicKeyParameters(EcdheKeyExchange.ReadClientPoint(parameters), Sm2.Domain);
            verified = ServerKeyExchangeMessage.Verify(signKey, _clientRandom, _serverRandom, parameters, body[69..]);
        }
        else
        {
            var encryption = _serverCertificates[1].GetEncoded();
            byte[] tail = [(byte)(encryption.Length >> 16), (byte)(encryption.Length >> 8), (byte)encryption.Length, .. encryption];
            verified = ServerKeyExchangeMessage.Verify(signKey, _clientRandom, _serverRandom, tail, body);
        }

        if (!verified)
        {
            throw new TlcpException(TlcpAlert.DecryptError, "ServerKeyExchange signature does not verify");
        }
    }

    private byte[] CertificateBody()
    {
        var writer = new WireWriter();
        var certificates = new[] { options.SignCertificate, options.EncryptionCertificate }
            .Where(c => c is not null).Select(c => c!.Certificate.GetEncoded());
        CertificateListMessage.Write(writer, certificates);
        return writer.ToArray();
    }

    private byte[] SendClientKeyExchange()
    {
        var writer = new WireWriter();
        byte[] premaster;
        if (TlcpCipherSuites.IsEcdhe(_suite))
        {
            var ephemeral = Sm2.GenerateKeyPair(random);
            var parameters = ServerKeyExchangeMessage.EcdheParams(((ECPublicKeyParameters)ephemeral.Public).Q.GetEncoded(false));
            if (options.GmSslForms)
            {
                writer.WriteUInt16(parameters.Length);
            }

            writer.WriteBytes(parameters);
            var encryption = options.EncryptionCertificate ?? throw new InvalidOperationException("ECDHE needs an encryption certificate");
            premaster = Sm2KeyAgreement.Calculate(
                initiator: false, encryption.PrivateKey, (ECPrivateKeyParameters)ephemeral.Private,
                TlcpTestClient.PublicKey(_serverCertificates[1]), _serverEphemeral!);
        }
        else
        {
            premaster = [0x01, 0x01, .. random.GenerateSeed(46)];
            var ciphertext = Sm2Encryption.Encrypt(TlcpTestClient.PublicKey(_serverCertificates[1]), premaster, random);
            writer.WriteUInt16(ciphertext.Length);
            writer.WriteBytes(ciphertext);
        }

        Send(HandshakeType.ClientKeyExchange, writer.ToArray());
        return premaster;
    }

    private byte[] CertificateVerifyBody()
    {
        var messages = channel.Transcript.Messages;
        if (!options.GmSslForms)
        {
            return CertificateVerifyMessage.Build(options.SignCertificate!.PrivateKey, messages, random);
        }

        var signature = Sm2Signature.Sign(options.SignCertificate!.PrivateKey, messages, random);
        return [(byte)(signature.Length >> 8), (byte)signature.Length, .. signature];
    }

    private void Send(HandshakeType type, byte[] body)
    {
        byte[] message = [(byte)type, (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];
        channel.Send(options.MutateMessage?.Invoke(type, message) ?? message);
    }
}
