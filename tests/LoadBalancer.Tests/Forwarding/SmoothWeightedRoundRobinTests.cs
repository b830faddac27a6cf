using LoadBalancer.Forwarding;

namespace LoadBalancer.Tests.Forwarding;

public sealed class SmoothWeightedRoundRobinTests
{
    [Fact]
    public void SharesPicksInProportionInterleaved()
    {
        var scheduler = new SmoothWeightedRoundRobin([3, 1]);

        var picks = Enumerable.Range(0, 8).Select(_ => scheduler.Next(default(AnyIndex))).ToList();

        Assert.Equal([0, 0, 1, 0, 0, 0, 1, 0], picks);
    }

    [Fact]
    public void NeverPicksWeightZero()
    {
        var scheduler = new SmoothWeightedRoundRobin([0, 5, 0]);

        Assert.All(Enumerable.Range(0, 20).Select(_ => scheduler.Next(default(AnyIndex))), i => Assert.Equal(1, i));
        Assert.Equal(-1, new SmoothWeightedRoundRobin([0, 0]).Next(default(AnyIndex)));
    }

    [Fact]
    public void SkipsEntriesThatAreNotEligible()
    {
        var scheduler = new SmoothWeightedRoundRobin([50, 50]);

        Assert.All(Enumerable.Range(0, 10).Select(_ => scheduler.Next(new OnlyIndex(1))), i => Assert.Equal(1, i));
    }

    private readonly struct OnlyIndex(int index) : IIndexFilter
    {
        public bool Allows(int i) => i == index;
    }
}
