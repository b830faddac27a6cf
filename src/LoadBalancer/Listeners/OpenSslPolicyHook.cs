using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static LoadBalancer.Listeners.OpenSslNative;

namespace LoadBalancer.Listeners;

/// <summary>
/// Applies a listener's security policy and the selected certificate to each handshake inside OpenSSL, so that .NET
/// can reuse one OpenSSL context (SSL_CTX) for all of them instead of building a new one for most handshakes.
/// </summary>
/// <remarks>
/// <para>
/// .NET caches a server's SSL_CTX only when no <see cref="System.Net.Security.CipherSuitesPolicy"/> is given (and
/// encryption is required); with one it builds and frees an SSL_CTX per handshake, which on OpenSSL 3 costs more
/// than the handshake's own cryptography (full handshakes/s +50-60 % without it, docs/benchmarks.md). The cache is
/// keyed by certificate and versions only, so the ciphers must be set per connection: a callback registered for
/// every new SSL object (OpenSSL calls ex-data constructors at the end of SSL_new, before the handshake starts) sets,
/// on that connection only, the policy's TLS 1.2 and 1.3 cipher lists in the policy's order, security level 0 for
/// policies with TLS 1.0/1.1 (their SHA-1 signatures),
/// no session resumption (as before: every handshake a full one, no cache shared between listeners), and
/// SSL_MODE_RELEASE_BUFFERS (OpenSSL frees an idle connection's 2 x 17 KiB record buffers, as nginx and HAProxy do).
/// The cache also evicts contexts no connection holds as new ones come in, so with a context per certificate SNI
/// spread over many names still built one for most handshakes: .NET is therefore given one carrier certificate for
/// all (<see cref="OpenSslContextCarrier"/>), and the callback sets the selected certificate, key and intermediates
/// on the connection (<see cref="OpenSslCertificate"/>).
/// </para>
/// <para>
/// The policy reaches the callback through a thread-static set around the synchronous start of
/// <c>AuthenticateAsServerAsync</c>: the whole ClientHello is already in the connection's input (see
/// <see cref="ClientHelloPeek"/>), so .NET creates the connection's SSL object before that call returns. Other SSL
/// objects of the process (HttpClient's to HTTPS backends) are made with nothing armed and left alone. A handshake
/// whose SSL object was not made with its policy and certificate is refused after the fact and the hook switches itself off for
/// good (every later handshake then takes the per-handshake context with a CipherSuitesPolicy), so a policy is
/// never silently lost.
/// </para>
/// </remarks>
internal static unsafe class OpenSslPolicyHook
{
    [ThreadStatic]
    private static NativePolicy? t_policy;

    [ThreadStatic]
    private static OpenSslCertificate? t_certificate;

    [ThreadStatic]
    private static IntPtr t_ssl;

    [ThreadStatic]
    private static string? t_certificateError;

    private static readonly Lock InstallLock = new();
    private static volatile bool s_active;
    private static long s_applied;
    private static long s_contexts;
    private static string? s_failure;

    /// <summary>Whether handshakes may use .NET's cached contexts with the policy applied here.</summary>
    public static bool IsActive => s_active;

    /// <summary>How many connections got their policy here (tests and diagnostics).</summary>
    public static long AppliedCount => Interlocked.Read(ref s_applied);

    /// <summary>How many OpenSSL contexts (SSL_CTX) the process has made since the hook was installed, clients' included.</summary>
    public static long ContextsMade => Interlocked.Read(ref s_contexts);

    /// <summary>Why the hook is off, once it was switched off or could not be installed; null while active.</summary>
    public static string? Failure => s_failure;

    /// <summary>
    /// Registers the SSL constructor callback. Called once, before the first TLS handshake of the process.
    /// </summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (!s_active && s_failure is null && OperatingSystem.IsLinux())
            {
                Register();
            }
        }
    }

    private static void Register()
    {
        try
        {
            // From OpenSSL 3.2 on, an SSL object's ex-data constructor runs before its context and certificate
            // settings are attached, so nothing could be set there yet: those versions take .NET's path throughout.
            var version = OpenSslVersionNum();
            if (version is < 0x30000000 or >= 0x30200000)
            {
                s_failure = $"OpenSSL {version >> 28}.{(version >> 20) & 0xff}.{(version >> 4) & 0xff} is not 3.0 or 3.1, where the per-connection settings are made";
                return;
            }

            var index = CryptoGetExNewIndex(CryptoExIndexSsl, 0, IntPtr.Zero, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, nint, IntPtr, int>)&OnNewConnection, IntPtr.Zero, IntPtr.Zero);
            if (index < 0)
            {
                s_failure = "OpenSSL refused an SSL ex-data index";
                return;
            }

            // Counting contexts is diagnostics only: without it the hook still works.
            _ = CryptoGetExNewIndex(CryptoExIndexSslCtx, 0, IntPtr.Zero, (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, nint, IntPtr, int>)&OnNewContext, IntPtr.Zero, IntPtr.Zero);
            s_active = true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_failure = $"{OpenSslNative.LibSsl} not usable: {e.Message}";
        }
    }

    /// <summary>
    /// Runs <paramref name="start"/> (the handshake's synchronous start) with <paramref name="policy"/> and
    /// <paramref name="certificate"/> visible to the SSL constructor callback. <c>Applied</c>: the callback set both
    /// on the connection's SSL object. <c>CertificateError</c>: OpenSSL refused this certificate on the connection
    /// (e.g. an intermediate signed with a digest below the policy's security level); the connection then has no
    /// certificate, so its handshake fails, and the hook stays on for other certificates.
    /// </summary>
    public static (Task Task, bool Applied, string? CertificateError) Run(NativePolicy policy, OpenSslCertificate certificate, Func<Task> start)
    {
        t_policy = policy;
        t_certificate = certificate;
        t_ssl = IntPtr.Zero;
        t_certificateError = null;
        try
        {
            var task = start();
            var error = t_certificateError;
            return (task, t_ssl != IntPtr.Zero && error is null, error);
        }
        finally
        {
            t_policy = null;
            t_certificate = null;
            t_ssl = IntPtr.Zero;
            t_certificateError = null;
        }
    }

    /// <summary>
    /// Switches the hook off for the rest of the process; later handshakes build their own contexts. True for the call
    /// that switched it off.
    /// </summary>
    public static bool Disable(string reason)
    {
        lock (InstallLock)
        {
            var wasActive = s_active;
            s_failure ??= reason;
            s_active = false;
            return wasActive;
        }
    }

    /// <summary>
    /// OpenSSL made an SSL object. With a policy and certificate armed on this thread and not yet used (one SSL object
    /// per handshake), set them on this connection; otherwise leave it as it is. OpenSSL ignores the return value.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnNewConnection(IntPtr parent, IntPtr item, IntPtr exData, int index, nint argl, IntPtr argp)
    {
        var policy = t_policy;
        var certificate = t_certificate;
        if (policy is null || certificate is null || t_ssl != IntPtr.Zero || parent == IntPtr.Zero)
        {
            return 1;
        }

        try
        {
            if (!policy.ApplyTo(parent))
            {
                return 1;
            }

            t_ssl = parent;
            if (certificate.ApplyTo(parent, out var error))
            {
                Interlocked.Increment(ref s_applied);
            }
            else
            {
                t_certificateError = error;
            }
        }
#pragma warning disable CA1031 // an exception must not cross into OpenSSL: the connection is then refused as not set
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return 1;
    }

    /// <summary>OpenSSL made an SSL_CTX.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnNewContext(IntPtr parent, IntPtr item, IntPtr exData, int index, nint argl, IntPtr argp)
    {
        Interlocked.Increment(ref s_contexts);
        return 1;
    }

    /// <summary>A policy's OpenSSL settings, made once per snapshot (NUL-terminated cipher strings).</summary>
    internal sealed class NativePolicy(string? tls12Ciphers, string tls13Suites, bool securityLevelZero)
    {
        private readonly byte[]? _cipherList = tls12Ciphers is null ? null : NulTerminated(tls12Ciphers);
        private readonly byte[] _cipherSuites = NulTerminated(tls13Suites);

        internal bool ApplyTo(IntPtr ssl)
        {
            if (securityLevelZero)
            {
                SslSetSecurityLevel(ssl, 0);
            }

            fixed (byte* suites = _cipherSuites)
            {
                if (SslSetCipherSuites(ssl, suites) != 1)
                {
                    ErrClearError();
                    return false;
                }
            }

            if (_cipherList is not null)
            {
                fixed (byte* list = _cipherList)
                {
                    if (SslSetCipherList(ssl, list) != 1)
                    {
                        ErrClearError();
                        return false;
                    }
                }
            }

            _ = SslSetOptions(ssl, SslOpNoTicket);
            _ = SslSetNumTickets(ssl, 0);
            _ = SslCtxCtrl(SslGetSslCtx(ssl), SslCtrlSetSessionCacheMode, 0, IntPtr.Zero);
            _ = SslCtrl(ssl, SslCtrlMode, SslModeReleaseBuffers, IntPtr.Zero);
            return true;
        }

        private static byte[] NulTerminated(string value) => [.. System.Text.Encoding.ASCII.GetBytes(value), 0];
    }
}
