using System.Runtime.InteropServices;

namespace LoadBalancer.Listeners;

/// <summary>
/// The OpenSSL 3 functions LoadBalancer calls itself (the same libssl.so.3 and libcrypto.so.3 .NET has loaded), for
/// the per-connection settings of <see cref="OpenSslPolicyHook"/> and <see cref="OpenSslCertificate"/>.
/// </summary>
internal static unsafe partial class OpenSslNative
{
    public const string LibSsl = "libssl.so.3";
    public const string LibCrypto = "libcrypto.so.3";
    public const int CryptoExIndexSsl = 0;
    public const int CryptoExIndexSslCtx = 1;
    public const int SslCtrlMode = 33;
    public const int SslCtrlSetSessionCacheMode = 44;
    public const int SslCtrlChainCert = 89;
    public const int SslModeReleaseBuffers = 0x10;
    public const ulong SslOpNoTicket = 1UL << 14;

    /// <summary>OpenSSL's first queued error as text (e.g. "error:0A00018E:SSL routines::ca md too weak"), the queue then cleared.</summary>
    public static string TakeError()
    {
        var code = ErrGetError();
        var text = "OpenSSL gave no reason";
        if (code != 0)
        {
            var buffer = stackalloc byte[256];
            ErrErrorStringN(code, buffer, 256);
            text = Marshal.PtrToStringUTF8((IntPtr)buffer) ?? text;
        }

        ErrClearError();
        return text;
    }

    [LibraryImport(LibCrypto, EntryPoint = "CRYPTO_get_ex_new_index")]
    public static partial int CryptoGetExNewIndex(int classIndex, nint argl, IntPtr argp, IntPtr newFunction, IntPtr dupFunction, IntPtr freeFunction);

    [LibraryImport(LibCrypto, EntryPoint = "OpenSSL_version_num")]
    public static partial ulong OpenSslVersionNum();

    [LibraryImport(LibCrypto, EntryPoint = "ERR_clear_error")]
    public static partial void ErrClearError();

    [LibraryImport(LibCrypto, EntryPoint = "ERR_get_error")]
    public static partial ulong ErrGetError();

    [LibraryImport(LibCrypto, EntryPoint = "ERR_error_string_n")]
    public static partial void ErrErrorStringN(ulong code, byte* buffer, nuint length);

    [LibraryImport(LibCrypto, EntryPoint = "X509_up_ref")]
    public static partial int X509UpRef(IntPtr x509);

    [LibraryImport(LibCrypto, EntryPoint = "X509_free")]
    public static partial void X509Free(IntPtr x509);

    [LibraryImport(LibSsl, EntryPoint = "SSL_set_cipher_list")]
    public static partial int SslSetCipherList(IntPtr ssl, byte* list);

    [LibraryImport(LibSsl, EntryPoint = "SSL_set_ciphersuites")]
    public static partial int SslSetCipherSuites(IntPtr ssl, byte* suites);

    [LibraryImport(LibSsl, EntryPoint = "SSL_set_security_level")]
    public static partial void SslSetSecurityLevel(IntPtr ssl, int level);

    [LibraryImport(LibSsl, EntryPoint = "SSL_set_options")]
    public static partial ulong SslSetOptions(IntPtr ssl, ulong options);

    [LibraryImport(LibSsl, EntryPoint = "SSL_set_num_tickets")]
    public static partial int SslSetNumTickets(IntPtr ssl, nuint count);

    [LibraryImport(LibSsl, EntryPoint = "SSL_get_SSL_CTX")]
    public static partial IntPtr SslGetSslCtx(IntPtr ssl);

    [LibraryImport(LibSsl, EntryPoint = "SSL_ctrl")]
    public static partial nint SslCtrl(IntPtr ssl, int command, nint larg, IntPtr parg);

    [LibraryImport(LibSsl, EntryPoint = "SSL_CTX_ctrl")]
    public static partial nint SslCtxCtrl(IntPtr context, int command, nint larg, IntPtr parg);

    [LibraryImport(LibSsl, EntryPoint = "SSL_certs_clear")]
    public static partial void SslCertsClear(IntPtr ssl);

    [LibraryImport(LibSsl, EntryPoint = "SSL_use_certificate")]
    public static partial int SslUseCertificate(IntPtr ssl, IntPtr x509);

    [LibraryImport(LibSsl, EntryPoint = "SSL_use_PrivateKey")]
    public static partial int SslUsePrivateKey(IntPtr ssl, IntPtr key);
}
