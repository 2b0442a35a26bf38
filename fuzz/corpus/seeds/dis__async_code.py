import asyncio
async def fetch(n):
    await asyncio.sleep(0)
    return n * 2
async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
class Res:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return False
async def main():
    results = [await fetch(i) for i in range(3)]
    async with Res() as r, Res():
        total = 0
        async for v in agen(3):
            total += v
            if v > 5:
                break
        else:
            total = -total
    squares = [v * v async for v in agen(4) if v]
    gen = (v async for v in agen(2))
    return results, total, squares, [x async for x in gen]
print(asyncio.run(main()))
