using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using LoadBalancer.Benchmarks;
using LoadBalancer.Benchmarks.Compare;

// micro: BenchmarkDotNet (ClientHello parsing, parsing + certificate selection); handshakes: the end-to-end run.
return args.FirstOrDefault() switch
{
    "micro" => RunMicro(args[1..]),
    "handshakes" => await HandshakeBenchmark.RunAsync(HandshakeSettings.Parse(args[1..])),
    "mtls" => await MutualTlsBenchmark.RunAsync(HandshakeSettings.Parse(args[1..])),
    "tcpssl" => await TcpSslBenchmark.RunAsync(TcpSslSettings.Parse(args[1..])),
    "http3" => await Http3Benchmark.RunAsync(Http3Settings.Parse(args[1..])),
    "tlcp" => await TlcpBenchmark.RunAsync(args[1..]),
    "compare" => await CompareBenchmark.RunAsync(CompareSettings.Parse(args[1..])),
    "client" => await ClientMode.RunAsync(args[1..]),
    "echo" => await ClientMode.EchoAsync(args[1..]),
    "kestrel-yarp" => await KestrelYarpProxy.ServeAsync(args[1..]),
    "startup-profile" => LoadingProfile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000),
    _ => Usage(),
};

static int RunMicro(string[] args)
{
    // Short enough for a 2-core machine: one launch, 3 warm-up and 5 measured iterations (a --job argument replaces it).
    var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Short").AsDefault();
    BenchmarkSwitcher.FromAssembly(typeof(ClientHelloSelectionBenchmark).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
    return 0;
}

static int Usage()
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project tests/LoadBalancer.Benchmarks -- MODE [options]
          micro [BenchmarkDotNet args]   BenchmarkDotNet: ClientHello parsing, parsing + certificate selection
                                         e.g. micro --filter '*'   or   micro --filter '*Selection*'
          handshakes [--counts 1,10000] [--seconds 10] [--clients 4] [--poll-seconds 2] [--sni-names N]
                                         start-up time and full TLS 1.3 handshakes/s per certificate count
          mtls [--seconds 10] [--clients 4]
                                         full handshakes/s of one listener with mutual TLS off and on, 3 rounds
          tcpssl [--connections 2] [--mib 64] [--clients 4] [--seconds 8] [--rounds 3]
                                         NLB TCPSSL listener against HAProxy (must be installed) for the same
                                         TCP echo backend: bulk MB/s and connections/s (1 KiB echoed), 3 rounds
          tlcp [--seconds 5] [--clients 2] [--tongsuo PATH/apps/openssl] [--client PATH] [--rounds N] [--mib M] [--steps-only]
                                         TLCP full handshakes/s (ECC and ECDHE suites) of our server, and of
                                         Tongsuo's s_server when given; SM4 CBC/GCM record-layer MB/s
          compare --loadbalancer BINARY [--rsa] [--quick] [--runs 3] [--seconds 10] [--certificates 10000]
                  [--idle 10000] [--only h1,h2,handshakes,tcpssl,idle,tcpssl-idle,sni]
                  [--proxies LoadBalancer,nginx,HAProxy,Kestrel+YARP] [--out FILE]
                                         LoadBalancer (published binary) against nginx and HAProxy, and against the
                                         floor of its own stack (Kestrel+YARP: YARP's minimal forwarder on Kestrel's
                                         HTTPS), each its own process; run it through tests/bench/compare.sh, which
                                         installs and publishes
          client handshakes|bulk|rate|idle --port P [...]
                                         the comparison's clients, one JSON line of figures (see Compare/ClientMode.cs)
          echo --port P                  the comparison's TCP echo backend
          kestrel-yarp --port P --certificate CRT --key KEY --backend PORT
                                         the comparison's Kestrel+YARP floor (see Compare/KestrelYarpProxy.cs)
          startup-profile [COUNT]        where loading COUNT (10000) certificates spends its time
        """);
    return 2;
}
