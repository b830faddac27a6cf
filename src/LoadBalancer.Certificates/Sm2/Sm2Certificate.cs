using LoadBalancer.Tlcp.Certificates;

namespace LoadBalancer.Certificates.Sm2;

/// <summary>An SM2 entry of <c>Certificates</c>: its id and the checked signing + encryption pair TLCP serves.</summary>
public sealed class Sm2Certificate(string id, TlcpServerCredentials credentials)
{
    public string Id { get; } = id;

    public TlcpServerCredentials Credentials { get; } = credentials;

    public override string ToString() => Id;
}
