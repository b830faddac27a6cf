using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>Forwarding rules of ALB listeners: a unique priority, Host/Path conditions, and forward actions.</summary>
internal sealed class RuleValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsAlb))
        {
            var rules = scope.Listener.Rules ?? [];
            var priorities = new Dictionary<int, int>();
            for (var i = 0; i < rules.Count; i++)
            {
                var field = $"Rules[{i}]";
                CheckPriority(context, scope, field, rules[i].Priority, priorities, i);
                CheckConditions(context, scope, field, rules[i].RuleConditions);
                ForwardActionsChecker.Check(context, scope, $"{field}.RuleActions", rules[i].RuleActions);
            }
        }
    }

    private static void CheckPriority(ValidationContext context, ListenerScope scope, string field, int priority, Dictionary<int, int> priorities, int index)
    {
        if (!Ranges.Check(context, scope.Resource, $"{field}.Priority", priority, 1, 10000))
        {
            return;
        }

        if (!priorities.TryAdd(priority, index))
        {
            context.Add(scope.Resource, $"{field}.Priority",
                $"Priority {priority} is already used by Rules[{priorities[priority]}] of this listener: give each rule its own priority");
        }
    }

    private static void CheckConditions(ValidationContext context, ListenerScope scope, string field, List<RuleConditionConfig> conditions)
    {
        if (conditions.Count == 0)
        {
            context.Add(scope.Resource, $"{field}.RuleConditions", "a rule needs at least one condition: add a Host or Path condition");
        }

        var types = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < conditions.Count; i++)
        {
            var conditionField = $"{field}.RuleConditions[{i}]";
            if (conditions[i].Type is { } type && !types.Add(type))
            {
                context.Add(scope.Resource, $"{conditionField}.Type",
                    $"the rule already has a {type} condition: put all values in one condition (at most one condition of each Type)");
            }

            RuleConditionChecker.Check(context, scope, conditionField, conditions[i]);
        }
    }
}
