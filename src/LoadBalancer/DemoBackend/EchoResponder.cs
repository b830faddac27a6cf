using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LoadBalancer.DemoBackend;

/// <summary>Answers any request with JSON describing it: what a backend behind the load balancer receives.</summary>
internal static class EchoResponder
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static async Task RespondAsync(HttpContext context, string backendId)
    {
        var request = context.Request;
        var body = await DrainAsync(request.Body, context.RequestAborted);
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter, Indented);
        json.WriteStartObject();
        json.WriteString("backend", backendId);
        json.WriteString("server", $"{context.Connection.LocalIpAddress}:{context.Connection.LocalPort}");
        json.WriteString("method", request.Method);
        json.WriteString("path", request.Path.Value);
        json.WriteString("query", request.QueryString.Value);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("remoteAddress", $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}");
        json.WriteNumber("bodyBytes", body);
        json.WriteStartObject("headers");
        foreach (var (name, values) in request.Headers)
        {
            json.WriteString(name, values.ToString());
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
        await context.Response.BodyWriter.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
    }

    private static async Task<long> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
