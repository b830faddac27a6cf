namespace LoadBalancer.Configuration.Validation;

/// <summary>TCP and TCPSSL listeners forward every connection to ServerGroupId, an existing server group of Protocol TCP.</summary>
internal sealed class NlbServerGroupValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsTcp || s.IsTcpSsl))
        {
            var id = scope.Listener.ServerGroupId;
            if (string.IsNullOrWhiteSpace(id))
            {
                context.Add(scope.Resource, "ServerGroupId", "ServerGroupId is required: name a server group of Protocol TCP");
            }
            else if (context.FindServerGroup(id) is not { } group)
            {
                context.Add(scope.Resource, "ServerGroupId", $"server group '{id}' does not exist: add it to ServerGroups or fix the id");
            }
            else if (group.Protocol != "TCP")
            {
                context.Add(scope.Resource, "ServerGroupId",
                    $"server group '{id}' has Protocol {group.Protocol}; an NLB listener forwards to TCP server groups only: name another group");
            }
        }
    }
}
