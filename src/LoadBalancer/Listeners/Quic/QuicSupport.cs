using System.Net.Quic;
using System.Runtime.InteropServices;

namespace LoadBalancer.Listeners.Quic;

/// <summary>
/// Whether this machine can serve QUIC listeners: System.Net.Quic needs libmsquic 2.x (on Linux from
/// packages.microsoft.com; no other registry has it). Without it the process serves every other listener and says,
/// per QUIC listener, that HTTP/3 is unavailable and why. Asked once per process; the tests pass their own.
/// </summary>
internal sealed record QuicSupport(bool IsAvailable, string Reason)
{
    private static readonly Lazy<QuicSupport> s_machine = new(Probe);

    /// <summary>The library names System.Net.Quic loads, in its order (it tries the versioned name first).</summary>
    public static IReadOnlyList<string> LibraryNames { get; } = OperatingSystem.IsWindows() ? ["msquic.dll"]
        : OperatingSystem.IsMacOS() ? ["libmsquic.dylib"]
        : ["libmsquic.so.2", "libmsquic.so"];

    public static QuicSupport Machine => s_machine.Value;

    /// <summary>For the tests: a machine without libmsquic.</summary>
    public static QuicSupport Missing { get; } = new(false, MissingReason());

    private static QuicSupport Probe()
    {
#pragma warning disable CA1416 // IsSupported is itself the platform check
        if (QuicListener.IsSupported)
#pragma warning restore CA1416
        {
            return new QuicSupport(true, "libmsquic loaded");
        }

        return new QuicSupport(false, LibraryLoads() ? LoadedButUnsupportedReason() : MissingReason());
    }

    private static bool LibraryLoads()
    {
        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, typeof(QuicSupport).Assembly, null, out var handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }

        return false;
    }

    private static string MissingReason() =>
        $"QuicListener.IsSupported is false: the loader found no {string.Join(" or ", LibraryNames)} on the library path (install libmsquic 2.x, e.g. the libmsquic package from packages.microsoft.com)";

    private static string LoadedButUnsupportedReason() =>
        $"QuicListener.IsSupported is false although {LibraryNames[0]} loads: System.Net.Quic needs libmsquic 2.2.2 or later and IPv6 (dual-mode) sockets";
}
