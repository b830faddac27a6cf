using System.Text;

namespace LoadBalancer.Tls.ClientHello;

/// <summary>Parses the ClientHello extensions the reader keeps; every other extension is skipped unread.</summary>
internal static class ExtensionReader
{
    /// <returns>null when the extension is well formed (or not one we keep), else the reason.</returns>
    public static string? Read(ushort type, ReadOnlySpan<byte> data, ref ExtensionValues values) => type switch
    {
        TlsWire.ServerNameExtension => ReadServerName(data, ref values),
        TlsWire.SupportedGroupsExtension => ReadUInt16Extension(data, "supported_groups", ref values.SupportedGroups),
        TlsWire.SignatureAlgorithmsExtension => ReadUInt16Extension(data, "signature_algorithms", ref values.SignatureAlgorithms),
        TlsWire.AlpnExtension => ReadApplicationProtocols(data, ref values),
        TlsWire.SupportedVersionsExtension => ReadSupportedVersions(data, ref values),
        _ => null,
    };

    private static string? ReadUInt16Extension(ReadOnlySpan<byte> data, string field, ref ushort[]? target)
    {
        if (target is not null)
        {
            return $"duplicate {field} extension";
        }

        var error = ReadWholeVector16(data, field, out var list) ?? WireLists.CheckUInt16List(list, field);
        if (error is null)
        {
            target = WireLists.ReadUInt16List(list);
        }

        return error;
    }

    private static string? ReadSupportedVersions(ReadOnlySpan<byte> data, ref ExtensionValues values)
    {
        if (values.SupportedVersions is not null)
        {
            return "duplicate supported_versions extension";
        }

        if (data.IsEmpty || data[0] != data.Length - 1)
        {
            return $"supported_versions length does not match extension length {data.Length}";
        }

        var list = data[1..];
        var error = WireLists.CheckUInt16List(list, "supported_versions");
        if (error is null)
        {
            values.SupportedVersions = WireLists.ReadUInt16List(list);
        }

        return error;
    }

    private static string? ReadServerName(ReadOnlySpan<byte> data, ref ExtensionValues values)
    {
        if (values.ServerNameSeen)
        {
            return "duplicate server_name extension";
        }

        values.ServerNameSeen = true;
        var error = ReadWholeVector16(data, "server_name list", out var list);
        if (error is not null)
        {
            return error;
        }

        if (list.IsEmpty)
        {
            return "server_name list is empty";
        }

        var cursor = new SpanCursor(list);
        while (cursor.Remaining > 0)
        {
            if (!cursor.TryReadUInt8(out var nameType) || !cursor.TryReadVector16(out var name))
            {
                return "server_name entry length exceeds the server_name list";
            }

            if (nameType == TlsWire.HostNameType && values.ServerName is null)
            {
                error = CheckHostName(name);
                if (error is not null)
                {
                    return error;
                }

                values.ServerName = Encoding.ASCII.GetString(name);
            }
        }

        return null;
    }

    private static string? CheckHostName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return "server_name host_name is empty";
        }

        var bad = name.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E);
        return bad < 0 ? null : $"server_name host_name contains byte 0x{name[bad]:X2} (not printable ASCII)";
    }

    private static string? ReadApplicationProtocols(ReadOnlySpan<byte> data, ref ExtensionValues values)
    {
        if (values.ApplicationProtocols is not null)
        {
            return "duplicate application_layer_protocol_negotiation extension";
        }

        var count = 0;
        var error = ReadWholeVector16(data, "application_layer_protocol_negotiation list", out var list)
            ?? CountProtocols(list, out count);
        if (error is not null)
        {
            return error;
        }

        var names = new string[count];
        var cursor = new SpanCursor(list);
        for (var i = 0; i < names.Length; i++)
        {
            cursor.TryReadVector8(out var id);
            names[i] = ApplicationProtocolNames.ToName(id);
        }

        values.ApplicationProtocols = names;
        return null;
    }

    private static string? CountProtocols(ReadOnlySpan<byte> list, out int count)
    {
        count = 0;
        if (list.IsEmpty)
        {
            return "application_layer_protocol_negotiation list is empty";
        }

        var cursor = new SpanCursor(list);
        while (cursor.Remaining > 0)
        {
            if (!cursor.TryReadVector8(out var id))
            {
                return "application_layer_protocol_negotiation protocol name length exceeds the list";
            }

            if (id.IsEmpty)
            {
                return "application_layer_protocol_negotiation protocol name is empty";
            }

            count++;
        }

        return null;
    }

    /// <summary>Reads a 16-bit-length vector that must fill the extension data exactly.</summary>
    private static string? ReadWholeVector16(ReadOnlySpan<byte> data, string field, out ReadOnlySpan<byte> vector)
    {
        var cursor = new SpanCursor(data);
        if (!cursor.TryReadVector16(out vector) || cursor.Remaining != 0)
        {
            vector = default;
            return $"{field} length does not match extension length {data.Length}";
        }

        return null;
    }
}
