namespace LoadBalancer.Tests.Support;

/// <summary>The two files <see cref="TestPki.Write"/> made: the certificate (with its chain) and its key.</summary>
public sealed record PemPaths(string CertificateFile, string PrivateKeyFile);
