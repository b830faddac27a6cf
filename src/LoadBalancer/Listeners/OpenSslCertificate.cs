using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Win32.SafeHandles;
using static LoadBalancer.Listeners.OpenSslNative;

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
internal sealed class OpenSslCertificate
{
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

        error = TakeError();
        SslCertsClear(ssl);
        return false;
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

    /// <summary>An X509 pointer with a reference of ours (X509_up_ref), released by X509_free.</summary>
    private sealed class X509Reference : SafeHandleZeroOrMinusOneIsInvalid
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
    }
}
