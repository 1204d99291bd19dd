import { render } from 'preact';
import { Welcome } from '../../components/options/welcome';
import { request } from '../../lib/messaging/client';
import './style.css';

const root = document.getElementById('app');
if (root) render(<Welcome onLoadSample={() => request('sample.load', {})} />, root);
