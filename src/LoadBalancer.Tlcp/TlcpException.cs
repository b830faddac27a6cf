using System.Security.Authentication;

namespace LoadBalancer.Tlcp;

/// <summary>
/// A TLCP handshake or record failure: the alert this side sent (<see cref="SentByPeer"/> false) or received from the peer.
/// The only exception <see cref="TlcpServerStream.AuthenticateAsServerAsync"/> throws besides
/// <see cref="OperationCanceledException"/>; after the handshake, reads and writes wrap it in an <see cref="IOException"/>.
/// </summary>
public sealed class TlcpException : AuthenticationException
{
    public TlcpException()
    {
    }

    public TlcpException(string message)
        : base(message)
    {
    }

    public TlcpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TlcpException(TlcpAlert alert, string message, bool sentByPeer = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Alert = alert;
        SentByPeer = sentByPeer;
    }

    /// <summary>The alert sent or received; <see cref="TlcpAlert.InternalError"/> when the transport failed.</summary>
    public TlcpAlert Alert { get; } = TlcpAlert.InternalError;

    /// <summary>True when the peer sent the alert, false when this side refused.</summary>
    public bool SentByPeer { get; }
}
