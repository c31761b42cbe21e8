import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { Options } from './options';

render(<Options />, document.getElementById('app')!);
