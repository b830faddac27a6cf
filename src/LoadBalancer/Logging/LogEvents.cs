namespace LoadBalancer.Logging;

/// <summary>Every event id this program logs with, in one place.</summary>
internal static class LogEvents
{
    public const int ConfigurationLoaded = 1000;
    public const int ConfigurationReloaded = 1001;
    public const int ConfigurationRejected = 1002;
    public const int ConfigurationError = 1003;
    public const int ConfigurationWarning = 1004;
    public const int ReloadFailed = 1005;
    public const int WatchUnavailable = 1006;
    public const int ListenerBound = 1010;
    public const int CertificateContextsReady = 1011;
    public const int CertificateContextFailed = 1012;
    public const int MemoryTrimmed = 1013;
    public const int MemoryTrimUnavailable = 1014;
    public const int DemoBackendStarted = 1020;
    public const int DemoBackendStopped = 1021;
    public const int DemoBackendFailed = 1022;

    public const int TlsHandshakeCompleted = 1100;
    public const int TlsHandshakeFailed = 1101;
    public const int ConnectionRefusedNoListener = 1102;
    public const int QuicHandshakeCompleted = 1103;
    public const int QuicHandshakeFailed = 1104;
    public const int QuicUnavailable = 1105;
    public const int TlsPoliciesThroughDotNet = 1106;

    public const int ForwardFailed = 1200;
    public const int NoServerAvailable = 1201;
    public const int TcpConnectionClosed = 1210;
    public const int TcpNoServer = 1211;
}
