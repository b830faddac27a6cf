using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// The action list of DefaultActions and of each rule: exactly one ForwardGroup action (the only type served)
/// whose tuples name existing HTTP/HTTPS server groups, once each, with weights 0-100 not all 0.
/// </summary>
internal static class ForwardActionsChecker
{
    public static void Check(ValidationContext context, ListenerScope scope, string field, List<ActionConfig>? actions)
    {
        if (actions is null || actions.Count == 0)
        {
            context.Add(scope.Resource, field, $"{LastSegment(field)} is required: give one action of Type ForwardGroup");
            return;
        }

        for (var i = 0; i < actions.Count; i++)
        {
            CheckAction(context, scope, $"{field}[{i}]", actions[i]);
        }

        if (actions.Count(a => a.Type == "ForwardGroup") > 1)
        {
            context.Add(scope.Resource, field, "only one action of Type ForwardGroup is allowed: put all server groups in its ServerGroupTuples");
        }
    }

    private static void CheckAction(ValidationContext context, ListenerScope scope, string field, ActionConfig action)
    {
        switch (action.Type)
        {
            case "ForwardGroup":
                CheckForwardGroup(context, scope, $"{field}.ForwardGroupConfig", action.ForwardGroupConfig);
                break;
            case null or "":
                context.Add(scope.Resource, $"{field}.Type", "Type is required: use ForwardGroup");
                break;
            default:
                context.Add(scope.Resource, $"{field}.Type", $"actions of Type '{action.Type}' are not served by this version yet: use ForwardGroup");
                break;
        }
    }

    private static void CheckForwardGroup(ValidationContext context, ListenerScope scope, string field, ForwardGroupConfig? config)
    {
        var tuples = config?.ServerGroupTuples ?? [];
        if (tuples.Count == 0)
        {
            context.Add(scope.Resource, $"{field}.ServerGroupTuples", "a ForwardGroup action needs at least one entry in ServerGroupTuples: name a server group");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tuples.Count; i++)
        {
            CheckTuple(context, scope, $"{field}.ServerGroupTuples[{i}]", tuples[i], seen);
        }

        if (tuples.TrueForAll(t => t.Weight == 0))
        {
            context.Add(scope.Resource, $"{field}.ServerGroupTuples", "every server group has Weight 0, so no request can be forwarded: give one a weight above 0");
        }
    }

    private static void CheckTuple(ValidationContext context, ListenerScope scope, string field, ServerGroupTuple tuple, HashSet<string> seen)
    {
        Ranges.Check(context, scope.Resource, $"{field}.Weight", tuple.Weight, 0, 100);
        var id = tuple.ServerGroupId;
        if (string.IsNullOrWhiteSpace(id))
        {
            context.Add(scope.Resource, $"{field}.ServerGroupId", "ServerGroupId is required: name an entry of ServerGroups");
        }
        else if (!seen.Add(id))
        {
            context.Add(scope.Resource, $"{field}.ServerGroupId", $"server group '{id}' is listed twice in this action: remove the duplicate");
        }
        else if (context.FindServerGroup(id) is not { } group)
        {
            context.Add(scope.Resource, $"{field}.ServerGroupId", $"server group '{id}' does not exist: add it to ServerGroups or fix the id");
        }
        else if (group.Protocol is not ("HTTP" or "HTTPS"))
        {
            context.Add(scope.Resource, $"{field}.ServerGroupId",
                $"server group '{id}' has Protocol {group.Protocol}; an ALB listener forwards to HTTP or HTTPS server groups only: name another group");
        }
    }

    private static string LastSegment(string field) => field[(field.LastIndexOf('.') + 1)..];
}
