using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Validation;

namespace LoadBalancer.Tests.Configuration;

public sealed class ActionAndRuleValidationTests
{
    [Fact]
    public void DefaultActionsAreRequired()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { DefaultActions = null });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "DefaultActions", "DefaultActions is required: give one action of Type ForwardGroup");
    }

    [Fact]
    public void OtherActionTypesAreNotServedYet()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { DefaultActions = [TestConfigs.Forward("sgp-web"), new() { Type = "FixedResponse" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "DefaultActions[1].Type", "actions of Type 'FixedResponse' are not served by this version yet");
    }

    [Fact]
    public void OnlyOneForwardGroupAction()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { DefaultActions = [TestConfigs.Forward("sgp-web"), TestConfigs.Forward("sgp-api")] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "DefaultActions", "only one action of Type ForwardGroup is allowed");
    }

    [Fact]
    public void ForwardGroupNeedsTuples()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with { DefaultActions = [new() { Type = "ForwardGroup" }] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "DefaultActions[0].ForwardGroupConfig.ServerGroupTuples", "at least one entry in ServerGroupTuples");
    }

    [Fact]
    public void TuplesNameExistingHttpGroupsOnceWithValidWeights()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with
        {
            DefaultActions =
            [
                new()
                {
                    Type = "ForwardGroup",
                    ForwardGroupConfig = new()
                    {
                        ServerGroupTuples =
                        [
                            new() { ServerGroupId = "sgp-web", Weight = 0 },
                            new() { ServerGroupId = "sgp-web", Weight = 0 },
                            new() { ServerGroupId = "sgp-tcp", Weight = 0 },
                            new() { ServerGroupId = "sgp-gone", Weight = 0 },
                            new() { ServerGroupId = "sgp-api", Weight = 101 },
                        ],
                    },
                },
            ],
        });

        var errors = ConfigValidator.Validate(config);

        const string tuples = "DefaultActions[0].ForwardGroupConfig.ServerGroupTuples";
        ErrorAssert.Has(errors, TestConfigs.Http, $"{tuples}[1].ServerGroupId", "server group 'sgp-web' is listed twice");
        ErrorAssert.Has(errors, TestConfigs.Http, $"{tuples}[2].ServerGroupId", "server group 'sgp-tcp' has Protocol TCP");
        ErrorAssert.Has(errors, TestConfigs.Http, $"{tuples}[3].ServerGroupId", "server group 'sgp-gone' does not exist");
        ErrorAssert.Has(errors, TestConfigs.Http, $"{tuples}[4].Weight", "Weight must be 0-100");
    }

    [Fact]
    public void AllTupleWeightsZeroIsAnError()
    {
        var config = TestConfigs.Valid().WithHttp(l => l with
        {
            DefaultActions = [new() { Type = "ForwardGroup", ForwardGroupConfig = new() { ServerGroupTuples = [new() { ServerGroupId = "sgp-web", Weight = 0 }] } }],
        });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Http, "DefaultActions[0].ForwardGroupConfig.ServerGroupTuples", "every server group has Weight 0");
    }

    [Fact]
    public void RulePriorityIsInRangeAndUniqueInTheListener()
    {
        var config = TestConfigs.Valid().WithHttps(l => l with
        {
            Rules = [.. l.Rules!, l.Rules![0] with { RuleId = "rule-2" }, l.Rules![0] with { RuleId = "rule-3", Priority = 0 }],
        });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[1].Priority", "Priority 10 is already used by Rules[0] of this listener");
        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[2].Priority", "Priority must be 1-10000");
    }

    [Fact]
    public void RuleNeedsConditionsAndActions()
    {
        var config = TestConfigs.Valid().WithRule(r => r with { RuleConditions = [], RuleActions = [] });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleConditions", "a rule needs at least one condition");
        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleActions", "RuleActions is required");
    }

    [Fact]
    public void HostConditionValuesAreHostPatterns()
    {
        var config = TestConfigs.Valid().WithRule(r => r with
        {
            RuleConditions = [new() { Type = "Host", HostConfig = new() { Values = ["ok-1.example.com", "bad host", ""] } }],
        });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleConditions[0].HostConfig.Values[1]", "'bad host' is not a host pattern");
        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleConditions[0].HostConfig.Values[2]", "is not a host pattern");
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void PathConditionValuesStartWithSlash()
    {
        var config = TestConfigs.Valid().WithRule(r => r with
        {
            RuleConditions = [new() { Type = "Path", PathConfig = new() { Values = ["api/*"] } }, new() { Type = "Host" }],
        });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleConditions[0].PathConfig.Values[0]", "'api/*' is not a path: start it with '/'");
        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleConditions[1].HostConfig.Values", "Values must not be empty");
    }

    [Fact]
    public void OtherConditionTypesAreNotServedYetAndTypesDoNotRepeat()
    {
        var path = new RuleConditionConfig { Type = "Path", PathConfig = new() { Values = ["/"] } };
        var config = TestConfigs.Valid().WithRule(r => r with { RuleConditions = [path, path, new() { Type = "Header" }] });

        var errors = ConfigValidator.Validate(config);

        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleConditions[1].Type", "the rule already has a Path condition");
        ErrorAssert.Has(errors, TestConfigs.Https, "Rules[0].RuleConditions[2].Type", "conditions of Type 'Header' are not served by this version yet");
    }

    [Fact]
    public void RuleActionsFollowTheDefaultActionRules()
    {
        var config = TestConfigs.Valid().WithRule(r => r with { RuleActions = [TestConfigs.Forward("sgp-tcp")] });

        ErrorAssert.Has(ConfigValidator.Validate(config), TestConfigs.Https,
            "Rules[0].RuleActions[0].ForwardGroupConfig.ServerGroupTuples[0].ServerGroupId", "has Protocol TCP");
    }
}
