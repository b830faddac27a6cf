using System.Net.Quic;

namespace LoadBalancer.Tests.Support;

/// <summary>
/// A test that speaks HTTP/3 to the host: it needs libmsquic, which no package registry reachable from CI has, so
/// there it is skipped, saying why. Build libmsquic from microsoft/msquic (README, QUIC listeners) to run it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QuicFactAttribute : FactAttribute
{
    public QuicFactAttribute()
    {
#pragma warning disable CA1416 // IsSupported is itself the platform check
        if (!QuicListener.IsSupported || !QuicConnection.IsSupported)
#pragma warning restore CA1416
        {
            Skip = "HTTP/3 needs libmsquic: QuicListener.IsSupported is false (libmsquic.so.2 not found on the library path)";
        }
    }
}
