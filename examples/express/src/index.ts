// An existing Express app, unchanged, as a Lambda HTTP function.
import express from 'express';
import { gateway } from '@tslambda/lambda';

interface User {
  id: number;
  name: string;
}

const users = new Map<number, User>([[1, { id: 1, name: 'Ada' }]]);

export const app: express.Express = express();
app.use(express.json());
app.get('/users/:id', (req, res) => {
  const user = users.get(Number(req.params.id));
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  res.json(user);
});
app.post('/users', (req, res) => {
  const name = (req.body as { name?: unknown }).name;
  if (typeof name !== 'string' || name === '') {
    res.status(400).json({ error: 'name is required' });
    return;
  }
  const user = { id: users.size + 1, name };
  users.set(user.id, user);
  res.status(201).location(`/users/${user.id}`).json(user);
});

gateway.startNode(app);
