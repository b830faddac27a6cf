namespace LoadBalancer.Tlcp.Records;

/// <summary>Reads the peer's alerts: fatal ones and close_notify end the connection, other warnings are ignored.</summary>
internal static class AlertMessage
{
    public const byte Warning = 1;
    public const byte Fatal = 2;

    /// <summary>Returns normally for a warning other than close_notify; true when it is close_notify.</summary>
    public static bool IsCloseNotify(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 2 || payload[0] is not (Warning or Fatal))
        {
            throw new TlcpException(TlcpAlert.DecodeError, "malformed alert");
        }

        var description = (TlcpAlert)payload[1];
        if (payload[0] == Fatal)
        {
            throw new TlcpException(description, $"the peer sent fatal alert {Describe(payload[1])}", sentByPeer: true);
        }

        return description == TlcpAlert.CloseNotify;
    }

    public static void ThrowIfFatalOrClose(ReadOnlySpan<byte> payload, string when)
    {
        if (IsCloseNotify(payload))
        {
            throw new TlcpException(TlcpAlert.CloseNotify, $"the peer sent close_notify {when}", sentByPeer: true);
        }
    }

    public static string Describe(byte description) =>
        Enum.IsDefined((TlcpAlert)description) ? $"{(TlcpAlert)description} ({description})" : description.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
