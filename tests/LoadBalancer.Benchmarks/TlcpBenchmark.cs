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

        var externalClient = args.SkipWhile(a => a != "--client").Skip(1).FirstOrDefault();
        if (externalClient is not null && tongsuo is not null)
        {
            await ExternalClientRoundsAsync(externalClient, tongsuo, options, sign, encrypt, clients, seconds, Option(args, "--rounds", 3), Option(args, "--mib", 64));
            return 0;
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

    /// <summary>
    /// Our server and Tongsuo's s_server, alternately for <paramref name="rounds"/> rounds, driven by one external client
    /// (Tongsuo's libssl NTLS client: <c>hs HOST PORT CIPHER SECONDS THREADS</c> prints "N handshakes/s", <c>get HOST PORT
    /// CIPHER PATH</c> prints "X MB/s" for an HTTP/1.0 download): full ECC handshakes/s and the download MB/s of
    /// <paramref name="mib"/> MiB per SM4 mode (server encrypts). Medians at the end.
    /// </summary>
    private static async Task ExternalClientRoundsAsync(
        string client, string openssl, TlcpServerOptions options, Sm2IssuedCertificate sign, Sm2IssuedCertificate encrypt, int clients, int seconds, int rounds, int mib)
    {
        const string Cbc = "ECC-SM2-SM4-CBC-SM3";
        const string Gcm = "ECC-SM2-SM4-GCM-SM3";
        var directory = Directory.CreateTempSubdirectory("lb-bench-tlcp-").FullName;
        var body = new byte[mib << 20];
        Random.Shared.NextBytes(body);
        var results = new Dictionary<string, List<double>>();
        void Record(string name, double value)
        {
            if (!results.TryGetValue(name, out var list))
            {
                results[name] = list = [];
            }

            list.Add(value);
            Console.WriteLine($"  {name}: {value:F1}");
        }

        try
        {
            File.WriteAllText(Path.Combine(directory, "server_sign.crt"), sign.CertificatePem);
            File.WriteAllText(Path.Combine(directory, "server_sign.key"), sign.PrivateKeyPem);
            File.WriteAllText(Path.Combine(directory, "server_enc.crt"), encrypt.CertificatePem);
            File.WriteAllText(Path.Combine(directory, "server_enc.key"), encrypt.PrivateKeyPem);
            File.WriteAllBytes(Path.Combine(directory, "bulk.bin"), body);
            await using var ours = new TlcpLoopbackServer(options, stream => ServeDownloadAsync(stream, body));
            var tongsuoPort = FreePort.Next();
            using var tongsuo = await TongsuoServerProcess.StartAsync(openssl, directory, tongsuoPort, $"{Cbc}:{Gcm}", "-WWW");
            for (var round = 1; round <= rounds; round++)
            {
                Console.WriteLine($"round {round} ({File.ReadAllText("/proc/loadavg").Trim()})");
                foreach (var (name, port) in new[] { ("ours", ours.Port), ("tongsuo", tongsuoPort) })
                {
                    Func<TimeSpan> serverCpu = name == "ours" ? () => Process.GetCurrentProcess().TotalProcessorTime : () => tongsuo.ProcessorTime;
                    var cpuBefore = serverCpu();
                    var rate = await RunClientAsync(client, "hs", port.ToString(CultureInfo.InvariantCulture), Cbc, seconds.ToString(CultureInfo.InvariantCulture), clients.ToString(CultureInfo.InvariantCulture));
                    Record($"{name} {Cbc} handshakes/s", rate);
                    Record($"{name} {Cbc} server CPU us/handshake", (serverCpu() - cpuBefore).TotalMicroseconds / (rate * seconds));
                    Record($"{name} {Cbc} download MB/s", await RunClientAsync(client, "get", port.ToString(CultureInfo.InvariantCulture), Cbc, "/bulk.bin"));
                    Record($"{name} {Gcm} download MB/s", await RunClientAsync(client, "get", port.ToString(CultureInfo.InvariantCulture), Gcm, "/bulk.bin"));
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        Console.WriteLine($"medians of {rounds} rounds ({clients} client threads, {seconds} s per handshake run, {mib} MiB downloads):");
        foreach (var (name, values) in results)
        {
            var sorted = values.Order().ToList();
            Console.WriteLine($"  {name}: {sorted[sorted.Count / 2]:F1}   [{string.Join(' ', values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}]");
        }

        foreach (var metric in new[] { $"{Cbc} handshakes/s", $"{Cbc} server CPU us/handshake", $"{Cbc} download MB/s", $"{Gcm} download MB/s" })
        {
            double Median(string who) => results[$"{who} {metric}"].Order().ElementAt(rounds / 2);
            Console.WriteLine($"  ours/tongsuo {metric}: {Median("ours") / Median("tongsuo"):F2}");
        }
    }

    private static async Task<double> RunClientAsync(string client, params string[] args)
    {
        var start = new ProcessStartInfo(client, [args[0], "127.0.0.1", .. args[1..]]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {client}");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var first = output.Split(' ', 2)[0];
        if (process.ExitCode != 0 || !double.TryParse(first, CultureInfo.InvariantCulture, out var value))
        {
            Console.WriteLine($"  client failed ({process.ExitCode}): {output} {errors[..Math.Min(errors.Length, 500)]}");
            return double.NaN;
        }

        return value;
    }

    /// <summary>An HTTP/1.0 answer to any request: the whole body, then close.</summary>
    private static async Task ServeDownloadAsync(TlcpServerStream stream, byte[] body)
    {
        var request = new byte[4096];
        var read = 0;
        while (read < request.Length && request.AsSpan(0, read).IndexOf("\r\n\r\n"u8) < 0)
        {
            var n = await stream.ReadAsync(request.AsMemory(read));
            if (n == 0)
            {
                return;
            }

            read += n;
        }

        await stream.WriteAsync("HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"u8.ToArray());
        for (var offset = 0; offset < body.Length; offset += 1 << 20)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(1 << 20, body.Length - offset)));
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
