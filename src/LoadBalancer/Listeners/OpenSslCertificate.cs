using System.Net.Security;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Win32.SafeHandles;

namespace LoadBalancer.Listeners;

/// <summary>
/// A server certificate as OpenSSL holds it: the leaf, its private key and the intermediates its
/// <see cref="SslStreamCertificateContext"/> sends, each with a reference of our own, so that
/// <see cref="OpenSslPolicyHook"/> can set them on one connection's SSL object. Made once per certificate and snapshot.
/// </summary>
/// <remarks>
/// OpenSSL takes its own references when they are set on a connection, so an open connection keeps its certificate
/// after a reload has dropped this object (and its finalizer has released ours).
/// </remarks>
internal sealed partial class OpenSslCertificate
{
    private const string LibSsl = "libssl.so.3";
    private const string LibCrypto = "libcrypto.so.3";
    private const int SslCtrlChainCert = 89;

    private readonly X509Reference _leaf;
    private readonly SafeEvpPKeyHandle _key;
    private readonly X509Reference[] _chain;

    private OpenSslCertificate(X509Reference leaf, SafeEvpPKeyHandle key, X509Reference[] chain)
    {
        _leaf = leaf;
        _key = key;
        _chain = chain;
    }

    /// <summary>
    /// The leaf, key and intermediates of <paramref name="context"/> (what .NET would put in the connection's
    /// SSL_CTX); null when the private key is not one OpenSSL holds, so handshakes with it stay with .NET.
    /// </summary>
    public static OpenSslCertificate? TryFrom(SslStreamCertificateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var leaf = context.TargetCertificate;
        var key = PrivateKeyOf(leaf);
        if (key is null)
        {
            return null;
        }

        var chain = context.IntermediateCertificates.Select(c => X509Reference.To(c.Handle)).ToArray();
        return new OpenSslCertificate(X509Reference.To(leaf.Handle), key, chain);
    }

    /// <summary>
    /// Makes this the connection's only certificate: what it inherited from its SSL_CTX (every key type) is cleared
    /// first, so neither OpenSSL's choice by key type nor the context's certificate can stand in for it. When OpenSSL
    /// refuses a part (an intermediate below the connection's security level, say), the connection is left with no
    /// certificate at all, so its handshake fails instead of sending a partial chain; <paramref name="error"/> says why.
    /// </summary>
    internal bool ApplyTo(IntPtr ssl, out string? error)
    {
        SslCertsClear(ssl);
        var applied = SslUseCertificate(ssl, _leaf.DangerousGetHandle()) == 1 && SslUsePrivateKey(ssl, _key.DangerousGetHandle()) == 1;

        // SSL_add1_chain_cert: OpenSSL takes a reference of its own.
        for (var i = 0; applied && i < _chain.Length; i++)
        {
            applied = SslCtrl(ssl, SslCtrlChainCert, 1, _chain[i].DangerousGetHandle()) == 1;
        }

        if (applied)
        {
            error = null;
            return true;
        }

        error = LastError();
        SslCertsClear(ssl);
        return false;
    }

    /// <summary>OpenSSL's first queued error as text (e.g. "error:0A00018E:SSL routines::ca md too weak"), the queue then cleared.</summary>
    private static unsafe string LastError()
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

    private static SafeEvpPKeyHandle? PrivateKeyOf(X509Certificate2 leaf)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        using var ecdsa = leaf.GetECDsaPrivateKey();
        if (ecdsa is not null)
        {
            return (ecdsa as ECDsaOpenSsl)?.DuplicateKeyHandle();
        }

        using var rsa = leaf.GetRSAPrivateKey();
        return (rsa as RSAOpenSsl)?.DuplicateKeyHandle();
    }

    [LibraryImport(LibCrypto, EntryPoint = "ERR_clear_error")]
    private static partial void ErrClearError();

    [LibraryImport(LibCrypto, EntryPoint = "ERR_get_error")]
    private static partial ulong ErrGetError();

    [LibraryImport(LibCrypto, EntryPoint = "ERR_error_string_n")]
    private static unsafe partial void ErrErrorStringN(ulong code, byte* buffer, nuint length);

    [LibraryImport(LibSsl, EntryPoint = "SSL_certs_clear")]
    private static partial void SslCertsClear(IntPtr ssl);

    [LibraryImport(LibSsl, EntryPoint = "SSL_use_certificate")]
    private static partial int SslUseCertificate(IntPtr ssl, IntPtr x509);

    [LibraryImport(LibSsl, EntryPoint = "SSL_use_PrivateKey")]
    private static partial int SslUsePrivateKey(IntPtr ssl, IntPtr key);

    [LibraryImport(LibSsl, EntryPoint = "SSL_ctrl")]
    private static partial nint SslCtrl(IntPtr ssl, int command, nint larg, IntPtr parg);

    /// <summary>An X509 pointer with a reference of ours (X509_up_ref), released by X509_free.</summary>
    private sealed partial class X509Reference : SafeHandleZeroOrMinusOneIsInvalid
    {
        public X509Reference()
            : base(ownsHandle: true)
        {
        }

        public static X509Reference To(IntPtr x509)
        {
            if (x509 == IntPtr.Zero || X509UpRef(x509) != 1)
            {
                throw new CryptographicException("OpenSSL refused a reference to a certificate");
            }

            var reference = new X509Reference();
            reference.SetHandle(x509);
            return reference;
        }

        protected override bool ReleaseHandle()
        {
            X509Free(handle);
            return true;
        }

        [LibraryImport(LibCrypto, EntryPoint = "X509_up_ref")]
        private static partial int X509UpRef(IntPtr x509);

        [LibraryImport(LibCrypto, EntryPoint = "X509_free")]
        private static partial void X509Free(IntPtr x509);
    }
}
