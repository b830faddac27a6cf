using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// The certificate references of one listener (default and additional, as the ALB or NLB fields name them): each
/// id given, not repeated, and naming a server certificate of the file. What an SM2 certificate means depends on
/// the listener, so the caller decides that.
/// </summary>
internal static class ListenerCertificateReferences
{
    /// <summary>
    /// An ALB listener's certificates (HTTPS or QUIC, named by <paramref name="kind"/> in messages): exactly one entry
    /// in <c>Certificates</c> (the default), then <see cref="Check"/> over it and <c>AdditionalCertificates</c>.
    /// </summary>
    public static void CheckAlb(ValidationContext context, ListenerScope scope, string kind, Action<string, string> onSm2)
    {
        var count = scope.Listener.Certificates?.Count ?? 0;
        if (count != 1)
        {
            context.Add(scope.Resource, "Certificates",
                $"{kind} listener needs exactly one entry in Certificates (the default certificate), not {count}: put the others in AdditionalCertificates");
        }

        var references = AlbReferences("Certificates", scope.Listener.Certificates).Concat(AlbReferences("AdditionalCertificates", scope.Listener.AdditionalCertificates));
        Check(context, scope, references, "CertificateId is required: name an entry of Certificates", "CaCertificates", onSm2);
    }

    private static IEnumerable<(string Field, string? Id)> AlbReferences(string list, List<CertificateReference>? references) =>
        (references ?? []).Select((r, i) => ($"{list}[{i}].CertificateId", r.CertificateId));

    /// <param name="references">Each reference's field path and id, default ones first.</param>
    /// <param name="idRequired">The message for a reference without an id.</param>
    /// <param name="caField">Where CA certificates belong on this listener, for the hint when one is named here.</param>
    /// <param name="onSm2">Called with the field and id of each SM2 certificate named.</param>
    public static void Check(ValidationContext context, ListenerScope scope, IEnumerable<(string Field, string? Id)> references,
        string idRequired, string caField, Action<string, string> onSm2)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, id) in references)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                context.Add(scope.Resource, field, idRequired);
            }
            else if (!seen.Add(id))
            {
                context.Add(scope.Resource, field, $"certificate '{id}' is already on this listener (as the default or an additional certificate): remove the duplicate");
            }
            else
            {
                CheckCertificate(context, scope, field, id, caField, onSm2);
            }
        }
    }

    private static void CheckCertificate(ValidationContext context, ListenerScope scope, string field, string id, string caField, Action<string, string> onSm2)
    {
        var certificate = context.FindCertificate(id);
        if (certificate is null)
        {
            context.Add(scope.Resource, field, context.FindCaCertificate(id) is null
                ? $"certificate '{id}' does not exist: add it to Certificates or fix the id"
                : $"'{id}' is a CA certificate, not a server certificate: name an entry of Certificates (CA certificates go in {caField})");
        }
        else if (certificate.IsSm2)
        {
            onSm2(field, id);
        }
    }
}
