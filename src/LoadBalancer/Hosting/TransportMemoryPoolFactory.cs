using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace LoadBalancer.Hosting;

/// <summary>
/// Gives every pool Kestrel asks for (each listener's socket transport among them) as the process's one
/// <see cref="TransportMemoryPool"/>.
/// </summary>
internal sealed class TransportMemoryPoolFactory(TransportMemoryPool pool) : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => pool;
}
