using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LoadBalancer.Tests.Support.Tlcp;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;
using LoadBalancer.Tlcp.Handshake;
using LoadBalancer.Tlcp.Records;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// The <c>tlcp</c> mode: full TLCP handshakes/s of our server (and of Tongsuo's s_server when its openssl is given),
/// driven by the same client over loopback; SM4 record-layer MB/s for CBC-SM3 and GCM in memory.
/// </summary>
internal static class TlcpBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 5);
        var clients = Option(args, "--clients", 2);
        var tongsuo = args.SkipWhile(a => a != "--tongsuo").Skip(1).FirstOrDefault();
        var now = DateTime.UtcNow;
        var ca = Sm2CertificateFactory.CreateRootCa("Bench CA", now.AddDays(-1), now.AddYears(1));
        var (sign, encrypt) = Sm2CertificateFactory.CreateDualLeaf(ca, ["localhost"], now.AddDays(-1), now.AddYears(1));
        var (clientSign, clientEncrypt) = Sm2CertificateFactory.CreateDualLeaf(ca, ["client"], now.AddDays(-1), now.AddYears(1));
        var credentials = TlcpServerCredentials.Create(sign.Certificate, sign.PrivateKey, encrypt.Certificate, encrypt.PrivateKey);
        var options = new TlcpServerOptions { Credentials = credentials, ClientCertificateAuthorities = [ca.Certificate] };

        foreach (var (name, gcm) in new[] { ("SM4-CBC-SM3", false), ("SM4-GCM", true) })
        {
            var (seal, open) = RecordLayerMegabytesPerSecond(gcm);
            Console.WriteLine($"record layer {name}: seal {seal:F1} MB/s, open {open:F1} MB/s (16 KiB records, one core)");
        }

        PrintPrimitiveCosts(sign, encrypt);
        PrintServerStepCosts(credentials, encrypt);
        if (args.Contains("--steps-only"))
        {
            return 0;
        }

        await using (var server = new TlcpLoopbackServer(options))
        {
            foreach (var suite in new[] { TlcpCipherSuite.EccSm4CbcSm3, TlcpCipherSuite.EcdheSm4GcmSm3 })
            {
                var client = new TlcpClientOptions { CipherSuites = [suite], SignCertificate = clientSign, EncryptionCertificate = clientEncrypt };
                var rate = await HandshakesPerSecondAsync(server.Port, client, clients, seconds);
                Console.WriteLine($"LoadBalancer.Tlcp {TlcpCipherSuites.Name(suite)}: {rate:F0} full handshakes/s ({clients} clients, {seconds} s)");
            }
        }

        if (tongsuo is not null)
        {
            await MeasureTongsuoAsync(tongsuo, sign, encrypt, clients, seconds);
        }

        return 0;
    }

    private static async Task MeasureTongsuoAsync(string openssl, Sm2IssuedCertificate sign, Sm2IssuedCertificate encrypt, int clients, int seconds)
    {
        var directory = Directory.CreateTempSubdirectory("lb-bench-tlcp-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "server_sign.crt"), sign.CertificatePem);
            File.WriteAllText(Path.Combine(directory, "server_sign.key"), sign.PrivateKeyPem);
            File.WriteAllText(Path.Combine(directory, "server_enc.crt"), encrypt.CertificatePem);
            File.WriteAllText(Path.Combine(directory, "server_enc.key"), encrypt.PrivateKeyPem);
            var port = FreePort.Next();
            using var process = await TongsuoServerProcess.StartAsync(openssl, directory, port, "ECC-SM2-SM4-CBC-SM3");
            var client = new TlcpClientOptions { CipherSuites = [TlcpCipherSuite.EccSm4CbcSm3] };
            var rate = await HandshakesPerSecondAsync(port, client, clients, seconds);
            Console.WriteLine($"Tongsuo s_server ECC-SM2-SM4-CBC-SM3: {rate:F0} full handshakes/s ({clients} clients, {seconds} s)");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<double> HandshakesPerSecondAsync(int port, TlcpClientOptions options, int clients, int seconds)
    {
        await OneHandshakeAsync(port, options);
        var count = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < deadline)
            {
                await OneHandshakeAsync(port, options);
                Interlocked.Increment(ref count);
            }
        }));
        await Task.WhenAll(workers);
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task OneHandshakeAsync(int port, TlcpClientOptions options)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var client = await TlcpTestClient.ConnectAsync(tcp.GetStream(), options);
    }

    private static (double Seal, double Open) RecordLayerMegabytesPerSecond(bool gcm)
    {
        const int Records = 2048;
        var plaintext = new byte[RecordLimits.MaxPlaintext];
        var master = new byte[48];
        var suite = gcm ? TlcpCipherSuite.EccSm4GcmSm3 : TlcpCipherSuite.EccSm4CbcSm3;
        var sealer = KeySchedule.Protection(suite, master, new byte[32], new byte[32], clientWrite: true);
        var opener = KeySchedule.Protection(suite, master, new byte[32], new byte[32], clientWrite: true);
        var sealed_ = new byte[plaintext.Length + 2048];
        var length = 0;
        var stopwatch = Stopwatch.StartNew();
        for (ulong i = 0; i < Records; i++)
        {
            length = sealer.Seal(ContentType.ApplicationData, i, plaintext, sealed_);
        }

        var seal = Records * (double)plaintext.Length / 1e6 / stopwatch.Elapsed.TotalSeconds;
        var copy = new byte[length];
        stopwatch.Restart();
        for (ulong i = 0; i < Records; i++)
        {
            sealed_.AsSpan(0, length).CopyTo(copy);
            opener.TryOpen(ContentType.ApplicationData, Records - 1, copy, out _, out _);
        }

        var open = Records * (double)plaintext.Length / 1e6 / stopwatch.Elapsed.TotalSeconds;
        return (seal, open);
    }

    /// <summary>What one ECC handshake costs the server (sign, decrypt) and the client (verify, encrypt), per operation.</summary>
    private static void PrintPrimitiveCosts(Sm2IssuedCertificate sign, Sm2IssuedCertificate encrypt)
    {
        var random = new Org.BouncyCastle.Security.SecureRandom();
        var message = new byte[1200];
        var signature = LoadBalancer.Tlcp.Crypto.Sm2Signature.Sign(sign.PrivateKey, message, random);
        var signPublic = (Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)sign.Certificate.GetPublicKey();
        var encryptPublic = (Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)encrypt.Certificate.GetPublicKey();
        var ciphertext = LoadBalancer.Tlcp.Crypto.Sm2Encryption.Encrypt(encryptPublic, new byte[48], random);
        Console.WriteLine(string.Join(", ", new (string Name, Action Run)[]
        {
            ("sign", () => LoadBalancer.Tlcp.Crypto.Sm2Signature.Sign(sign.PrivateKey, message, random)),
            ("verify", () => LoadBalancer.Tlcp.Crypto.Sm2Signature.Verify(signPublic, message, signature)),
            ("encrypt", () => LoadBalancer.Tlcp.Crypto.Sm2Encryption.Encrypt(encryptPublic, new byte[48], random)),
            ("decrypt", () => LoadBalancer.Tlcp.Crypto.Sm2Encryption.TryDecrypt(encrypt.PrivateKey, ciphertext)),
        }.Select(op => $"SM2 {op.Name} {MillisecondsPerOperation(op.Run):F2} ms")));
    }

    /// <summary>
    /// Thread CPU time (not wall time, so other load on the machine does not count) of each step of one ECC server
    /// handshake, best of several batches.
    /// </summary>
    private static void PrintServerStepCosts(TlcpServerCredentials credentials, Sm2IssuedCertificate encrypt)
    {
        var random = new Org.BouncyCastle.Security.SecureRandom();
        var context = new HandshakeContext
        {
            Suite = TlcpCipherSuite.EccSm4CbcSm3,
            ClientRandom = random.GenerateSeed(32),
            ServerRandom = random.GenerateSeed(32),
            Credentials = credentials,
            Random = random,
        };
        var encryptPublic = (Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters)encrypt.Certificate.GetPublicKey();
        var ciphertext = LoadBalancer.Tlcp.Crypto.Sm2Encryption.Encrypt(encryptPublic, [0x01, 0x01, .. new byte[46]], random);
        byte[] clientKeyExchange = [(byte)(ciphertext.Length >> 8), (byte)ciphertext.Length, .. ciphertext];
        var keyExchange = new EccKeyExchange();
        var master = new byte[48];
        var steps = new (string Name, Action Run)[]
        {
            ("ServerKeyExchange (SM2 sign)", () => keyExchange.ServerKeyExchangeBody(context)),
            ("premaster (SM2 decrypt)", () => EccKeyExchange.DecryptPremaster(context, clientKeyExchange)),
            ("master secret", () => KeySchedule.MasterSecret(master, context.ClientRandom, context.ServerRandom)),
            ("2 record protections", () =>
            {
                KeySchedule.Protection(context.Suite, master, context.ClientRandom, context.ServerRandom, clientWrite: true);
                KeySchedule.Protection(context.Suite, master, context.ClientRandom, context.ServerRandom, clientWrite: false);
            }),
            ("2 Finished", () =>
            {
                KeySchedule.Finished(master, client: true, context.ClientRandom);
                KeySchedule.Finished(master, client: false, context.ClientRandom);
            }),
            ("server random", () => random.GenerateSeed(32)),
        };
        var total = 0.0;
        foreach (var (name, run) in steps)
        {
            var microseconds = CpuMicrosecondsPerOperation(run);
            total += microseconds;
            Console.WriteLine($"  server step {name}: {microseconds:F0} us CPU");
        }

        Console.WriteLine($"  server steps total: {total:F0} us CPU");
    }

    private static double CpuMicrosecondsPerOperation(Action operation)
    {
        const int Batch = 50;
        for (var i = 0; i < Batch; i++)
        {
            operation();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var start = ThreadCpuNanoseconds();
            for (var i = 0; i < Batch; i++)
            {
                operation();
            }

            best = Math.Min(best, (ThreadCpuNanoseconds() - start) / 1e3 / Batch);
        }

        return best;
    }

    private static long ThreadCpuNanoseconds()
    {
        const int ClockThreadCpuTimeId = 3;
        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1_000_000_000L) + time.Nanoseconds : 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static double MillisecondsPerOperation(Action operation)
    {
        for (var i = 0; i < 300; i++)
        {
            operation();
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 300; i++)
        {
            operation();
        }

        return stopwatch.Elapsed.TotalMilliseconds / 300;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
