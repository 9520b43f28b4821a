// A client in its own process (its own event loop): sends one `simulation:host-series` call
// with N ids of about 50 characters to the web host at URL, prints "sent" once the message is
// written, then prints the answer's `result` as one JSON line and exits.
import WebSocket from 'ws'

const [url, n] = process.argv.slice(2)
const hostIds = Array.from({ length: Number(n) }, (_, i) => `${'h'.repeat(50)}${i}`)
const text = JSON.stringify({ id: 'big', name: 'simulation:host-series', request: { hostIds } })
const ws = new WebSocket(url)
ws.on('open', () => {
  ws.send(text, () => process.stdout.write(`sent ${text.length}\n`))
})
ws.on('message', (data) => {
  const m = JSON.parse(String(data))
  if (m.id !== 'big') return
  process.stdout.write(`${JSON.stringify(m.result)}\n`)
  ws.close()
  process.exit(0)
})
ws.on('error', (error) => {
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
})
