namespace LoadBalancer.Tests.Support.Tlcp;

/// <summary>A stream that reads a fixed script (then end of stream) and keeps everything written to it.</summary>
public sealed class ScriptedStream(byte[] input) : Stream
{
    private readonly MemoryStream _input = new(input);

    public MemoryStream Output { get; } = new();

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

    public override void Write(byte[] buffer, int offset, int count) => Output.Write(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
